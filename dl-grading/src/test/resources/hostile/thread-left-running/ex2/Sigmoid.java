package ex2;

/** Hostile: leaves a thread running forever (not a daemon), which would keep a normal program alive; right answers. */
class Sigmoid {

    static double value(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double derivative(double x) {
        Thread forever = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    // keep going
                }
            }
        });
        forever.start();
        double s = value(x);
        return s * (1 - s);
    }
}
