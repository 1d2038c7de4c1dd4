package io.jenkins.plugins.aem.bench.soak.deploy;

/**
 * How big a release soak is.
 *
 * @param releases releases in total (issue 22 asks for at least 200, of 5 to 20 tasks, half of them atomic)
 * @param seed     seed of every random choice: releases, faults, their moments, the simulators
 * @param lanes    lanes side by side, each with a simulator of its own and one release at a time
 */
public record ReleaseSoakSettings(int releases, long seed, int lanes) {

    public static final int DEFAULT_RELEASES = 220;
    public static final int DEFAULT_LANES = 4;

    public ReleaseSoakSettings {
        if (releases < 1 || lanes < 1) {
            throw new IllegalArgumentException("releases and lanes must be at least 1");
        }
    }
}
