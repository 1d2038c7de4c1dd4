package io.jenkins.plugins.aem.load;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * Heap figures taken after a full GC: the heap in use, and the part of it held by instances of the plugin's and the
 * AEM client's own classes. The latter comes from the JVM's class histogram (which forces the GC itself); it counts each
 * object's own size only, so the JDK objects the plugin holds (its futures, strings, maps) are not in it: a lower bound
 * of the plugin's share, beside the upper bound that the whole growth is.
 */
final class HeapFigures {

    private static final String PLUGIN_PACKAGE = "io.jenkins.plugins.aem.";
    /** In the same JVM as the controller, but AEM's side, and the benchmark's own. */
    private static final String[] NOT_THE_PLUGIN = {"io.jenkins.plugins.aem.simulator.", "io.jenkins.plugins.aem.load.",
        "io.jenkins.plugins.aem.testsupport."};

    private HeapFigures() {
    }

    /** Used heap in bytes, and the plugin's instances' bytes, both after a full GC. */
    static Heap measure() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        long plugin = 0;
        for (String line : histogram.split("\n")) {
            // "   1:         12345        678901  io.jenkins.plugins.aem.client.Operation (...)"
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 4 && cols[0].endsWith(":") && isPlugin(cols[3])) {
                plugin += Long.parseLong(cols[2]);
            }
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Heap(used, plugin);
    }

    private static boolean isPlugin(String className) {
        if (!className.startsWith(PLUGIN_PACKAGE)) {
            return false;
        }
        for (String other : NOT_THE_PLUGIN) {
            if (className.startsWith(other)) {
                return false;
            }
        }
        return true;
    }

    record Heap(long usedBytes, long pluginBytes) {

        static double mib(long bytes) {
            return bytes / (1024.0 * 1024.0);
        }
    }
}
