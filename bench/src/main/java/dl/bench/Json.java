package dl.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One JSON object written as one line, fields in the order they were put, as torch_peer.py prints them. */
final class Json {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    Json put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** The fields every benchmark line ends with: threads, vector width, JVM, peak memory. */
    Json withEnvironment() {
        return put("threads", Runtime.getRuntime().availableProcessors())
                .put("vector_bits", jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize())
                .put("java_version", System.getProperty("java.version"))
                .put("peak_heap_mb", Math.round(Memory.peakHeapMb() * 10) / 10.0)
                .put("peak_rss_mb", Math.round(Memory.peakRssMb() * 10) / 10.0);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append('"').append(field.getKey()).append("\": ").append(value(field.getValue()));
        }
        return out.append('}').toString();
    }

    private static String value(Object v) {
        if (v instanceof String s) {
            return s.startsWith("[") ? s : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d).replaceAll("0+$", "").replaceAll("\\.$", ".0");
        }
        return String.valueOf(v);
    }
}
