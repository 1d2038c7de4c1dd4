package io.jenkins.plugins.aem.bench;

import io.jenkins.plugins.aem.bench.soak.SoakRunner;
import io.jenkins.plugins.aem.bench.soak.SoakSettings;
import io.jenkins.plugins.aem.bench.soak.deploy.DeploySoakRunner;
import io.jenkins.plugins.aem.bench.soak.deploy.DeploySoakSettings;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseSoakRunner;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseSoakSettings;

import java.io.PrintStream;
import java.util.stream.Stream;

/**
 * {@code java -jar aem-bench.jar [--quick] [--seed S]} runs the benchmark of issue 4;
 * {@code java -jar aem-bench.jar --soak [--ops N] [--seed S] [--concurrency C]} runs the fault soak of issue 5;
 * {@code java -jar aem-bench.jar --health-bench [--seed S]} runs the health-wait crowd of issue 16;
 * {@code java -jar aem-bench.jar --deploy-soak [--deploys N] [--seed S] [--lanes L]} runs the rollback soak of issue
 * 15, and {@code --deploy-bench} its benchmark of 50 deploys at once;
 * {@code --export-set-bench} and {@code --plan-set-bench} export and plan a 500-task server, and
 * {@code --release-soak [--releases N] [--seed S] [--lanes L]} fails releases of sets of tasks at every step (issue 22).
 *
 * <p>Exit status: 0 when every target was met (benchmarks) or nothing was wrong, late, duplicated, lost or leaked
 * (soaks); 1 otherwise; 2 for a usage error.
 */
public final class BenchMain {

    static final String USAGE = "usage: java -jar aem-bench.jar [--quick] [--seed S]\n"
            + "       java -jar aem-bench.jar --soak [--ops N] [--seed S] [--concurrency C]\n"
            + "       java -jar aem-bench.jar --health-bench [--seed S]\n"
            + "       java -jar aem-bench.jar --deploy-soak [--deploys N] [--seed S] [--lanes L]\n"
            + "       java -jar aem-bench.jar --deploy-bench [--seed S]\n"
            + "       java -jar aem-bench.jar --export-set-bench [--seed S]\n"
            + "       java -jar aem-bench.jar --plan-set-bench [--seed S]\n"
            + "       java -jar aem-bench.jar --release-soak [--releases N] [--seed S] [--lanes L]";

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
        boolean deploySoak = false;
        boolean deployBench = false;
        boolean exportSetBench = false;
        boolean planSetBench = false;
        boolean releaseSoak = false;
        int releases = ReleaseSoakSettings.DEFAULT_RELEASES;
        Integer lanesGiven = null;
        int deploys = DeploySoakSettings.DEFAULT_DEPLOYS;
        long seed = 42;
        int ops = SoakSettings.DEFAULT_OPS;
        int concurrency = SoakSettings.DEFAULT_CONCURRENCY;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> quick = true;
                    case "--soak" -> soak = true;
                    case "--health-bench" -> health = true;
                    case "--deploy-soak" -> deploySoak = true;
                    case "--deploy-bench" -> deployBench = true;
                    case "--export-set-bench" -> exportSetBench = true;
                    case "--plan-set-bench" -> planSetBench = true;
                    case "--release-soak" -> releaseSoak = true;
                    case "--releases" -> releases = positive(value(args, ++i), "--releases");
                    case "--deploys" -> deploys = positive(value(args, ++i), "--deploys");
                    case "--lanes" -> lanesGiven = positive(value(args, ++i), "--lanes");
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
        if (Stream.of(soak, deploySoak, deployBench, quick, health, exportSetBench, planSetBench, releaseSoak).filter(b -> b).count() > 1) {
            System.err.println("aem-bench: give one of --quick, --soak, --health-bench, --deploy-soak, --deploy-bench, "
                    + "--export-set-bench, --plan-set-bench and --release-soak\n" + USAGE);
            return 2;
        }
        if (exportSetBench) {
            return ExportSetBench.run(SetBenchConfig.full(seed), out);
        }
        if (planSetBench) {
            return PlanSetBench.run(SetBenchConfig.full(seed), out);
        }
        if (deploySoak) {
            int lanes = lanesGiven == null ? DeploySoakSettings.DEFAULT_LANES : lanesGiven;
            return new DeploySoakRunner(new DeploySoakSettings(deploys, seed, lanes), out).run().exitStatus();
        }
        if (releaseSoak) {
            int lanes = lanesGiven == null ? ReleaseSoakSettings.DEFAULT_LANES : lanesGiven;
            return new ReleaseSoakRunner(new ReleaseSoakSettings(releases, seed, lanes), out).run().exitStatus();
        }
        if (deployBench) {
            return DeployBench.run(DeployBenchConfig.full(seed), out);
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
