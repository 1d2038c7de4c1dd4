package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.bench.soak.SoakRunner;
import io.jenkins.plugins.aem.bench.soak.SoakSettings;

import java.io.PrintStream;

/**
 * {@code java -jar aem-bench.jar [--quick] [--seed S]} runs the benchmark of issue 4;
 * {@code java -jar aem-bench.jar --soak [--ops N] [--seed S] [--concurrency C]} runs the fault soak of issue 5;
 * {@code java -jar aem-bench.jar --health-bench [--seed S]} runs the health-wait crowd of issue 16.
 *
 * <p>Exit status: 0 when every target was met (benchmarks) or nothing was wrong, late, duplicated or leaked (soak);
 * 1 otherwise; 2 for a usage error.
 */
public final class BenchMain {

    static final String USAGE = "usage: java -jar aem-bench.jar [--quick] [--seed S]\n"
            + "       java -jar aem-bench.jar --soak [--ops N] [--seed S] [--concurrency C]\n"
            + "       java -jar aem-bench.jar --health-bench [--seed S]";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** Parses the arguments and runs; returns the exit status. */
    static int run(String[] args, PrintStream out) throws Exception {
        boolean quick = false;
        boolean soak = false;
        boolean health = false;
        long seed = 42;
        int ops = SoakSettings.DEFAULT_OPS;
        int concurrency = SoakSettings.DEFAULT_CONCURRENCY;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--soak" -> soak = true;
                    case "--health-bench" -> health = true;
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--ops" -> ops = positive(value(args, ++i), "--ops");
                    case "--concurrency" -> concurrency = positive(value(args, ++i), "--concurrency");
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("aem-bench: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (health) {
            return HealthBench.run(HealthBenchConfig.full(seed), out);
        }
        if (soak) {
            return new SoakRunner(new SoakSettings(ops, seed, concurrency), out).run().exitStatus();
        }
        return Benchmark.run(quick ? BenchConfig.quick(seed) : BenchConfig.full(seed), out);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int positive(String text, String option) {
        int n = Integer.parseInt(text);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }
}
