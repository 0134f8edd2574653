package dl.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./dl grade}: grades one submission, a whole class, or makes the Gradescope bundle.
 * <pre>
 * ./dl grade SUBMISSION [--json FILE]        the score table (and Gradescope's results.json)
 * ./dl grade --class DIR [--csv FILE]        every sub-folder or zip of DIR: a CSV, a summary, histograms
 * ./dl grade --gradescope-bundle [FILE.zip]  the autograder zip for Gradescope (default: autograder.zip)
 * </pre>
 * Options: {@code --only ex1,ex3} grades only those exercises; {@code --time-scale X} multiplies every test's time
 * limit (a slow machine); {@code --answer-key DIR --exercises DIR} grade with a key made before and the exercises
 * as handed out (what the Gradescope bundle does) instead of {@code solutions/}. The exit status is 0
 * when grading ran, whatever the score; 2 on bad usage; 1 when the submission or the course cannot be read.
 */
public final class GradeCommand {

    static final String USAGE = "usage: ./dl grade SUBMISSION [--json FILE] | --class DIR [--csv FILE]"
        + " | --gradescope-bundle [FILE.zip]\n"
        + "  options: --only ex1,ex3  --time-scale X  --answer-key DIR --exercises DIR";

    private GradeCommand() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (GradingException e) {
            System.err.println("dl grade: " + e.getMessage());
            status = 1;
        } catch (IOException e) {
            System.err.println("dl grade: " + e);
            status = 1;
        }
        System.out.flush();
        Runtime.getRuntime().exit(status);
    }

    /** Runs the command, writing the tables to {@code out} and progress and errors to {@code err}; its exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Options options = Options.parse(args);
        if (options == null) {
            err.println(USAGE);
            return 2;
        }
        if (options.bundle != null) {
            CourseFolders course = CourseFolders.find();
            Grader grader = grader(options, course);
            GradescopeBundle.write(options.bundle, grader.key(), Grader.toolkitClassPath(course), course.exercises());
            out.println("wrote " + options.bundle + ": upload it as the autograder of a Gradescope assignment");
            return 0;
        }
        Path target = options.classDir != null ? options.classDir : options.submission;
        if (!Files.exists(target)) {
            err.println("dl grade: " + target + " does not exist");
            return 1;
        }
        Grader grader = grader(options, options.answerKey == null ? CourseFolders.find() : null);
        // Said once, when the solutions are new or changed: the teacher's moment, not every student's grade.
        List<String> leaky = grader.key().madeNow() ? grader.key().hiddenTestsWithTheirAnswers() : List.of();
        if (!leaky.isEmpty()) {
            err.println("dl grade: for the teacher: these hidden tests judge with closeTo or isEqualTo, so their"
                + " expected values are in the compiled tests a student's code runs with; sameAsReference() keeps"
                + " them out: " + String.join(", ", leaky));
        }
        if (options.classDir != null) {
            ClassReport report = ClassReport.grade(grader, options.classDir, err);
            if (options.csv != null) {
                ResultsJson.writeWhole(options.csv, report.csv());
            } else {
                out.print(report.csv());
            }
            out.println();
            out.print(report.summary());
            return 0;
        }
        Grade grade = grader.grade(options.submission);
        out.print(ScoreTable.format(grade));
        if (options.json != null) {
            ResultsJson.write(grade, options.json);
        }
        return 0;
    }

    private static Grader grader(Options options, CourseFolders course) {
        Grader grader = options.answerKey != null
            ? new Grader(AnswerKey.load(options.answerKey), options.exercises, Sandbox.detect(),
                Grader.toolkitClassPath(null), options.timeScale)
            : Grader.forCourse(course, options.timeScale);
        return options.only == null ? grader : grader.only(options.only);
    }

    /** The command line, read; {@code null} when it does not make sense. */
    private static final class Options {
        Path submission;
        Path json;
        Path classDir;
        Path csv;
        Path bundle;
        Path answerKey;
        Path exercises;
        double timeScale = 1;
        List<String> only;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> rest = new ArrayList<>(List.of(args));
            try {
                while (!rest.isEmpty()) {
                    String arg = rest.remove(0);
                    switch (arg) {
                        case "--json" -> o.json = Path.of(rest.remove(0));
                        case "--class" -> o.classDir = Path.of(rest.remove(0));
                        case "--csv" -> o.csv = Path.of(rest.remove(0));
                        case "--answer-key" -> o.answerKey = Path.of(rest.remove(0));
                        case "--exercises" -> o.exercises = Path.of(rest.remove(0));
                        case "--time-scale" -> o.timeScale = Double.parseDouble(rest.remove(0));
                        case "--only" -> o.only = List.of(rest.remove(0).split(","));
                        case "--gradescope-bundle" -> o.bundle = !rest.isEmpty() && !rest.get(0).startsWith("--")
                            ? Path.of(rest.remove(0)) : Path.of("autograder.zip");
                        default -> {
                            if (arg.startsWith("--") || o.submission != null) {
                                return null;
                            }
                            o.submission = Path.of(arg);
                        }
                    }
                }
            } catch (IndexOutOfBoundsException | NumberFormatException e) {
                return null;
            }
            int modes = (o.submission != null ? 1 : 0) + (o.classDir != null ? 1 : 0) + (o.bundle != null ? 1 : 0);
            boolean misplaced = o.json != null && o.submission == null || o.csv != null && o.classDir == null
                || (o.answerKey == null) != (o.exercises == null);
            return modes == 1 && !misplaced && o.timeScale > 0 ? o : null;
        }
    }
}
