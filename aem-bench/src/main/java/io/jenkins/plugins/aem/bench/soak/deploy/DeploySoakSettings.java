package io.jenkins.plugins.aem.bench.soak.deploy;

/**
 * How big a deploy soak is.
 *
 * @param deploys deploys in total (issue 15 asks for at least 500, at least 100 of them faulted)
 * @param seed    seed of every random choice: scenarios, faults, their moments, the simulators
 * @param lanes   lanes side by side, each with a simulator of its own and one deploy at a time
 */
public record DeploySoakSettings(int deploys, long seed, int lanes) {

    public static final int DEFAULT_DEPLOYS = 520;
    public static final int DEFAULT_LANES = 8;

    public DeploySoakSettings {
        if (deploys < 1 || lanes < 1) {
            throw new IllegalArgumentException("deploys and lanes must be at least 1");
        }
    }
}
