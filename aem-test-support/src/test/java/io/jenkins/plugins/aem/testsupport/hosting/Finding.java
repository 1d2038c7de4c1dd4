package io.jenkins.plugins.aem.testsupport.hosting;

/**
 * One message of the Jenkins hosting checker (jenkins-infra/repository-permissions-updater,
 * {@code hosting/VerificationMessage}): how serious it is, which of the checker's methods says it, and what. A hosting
 * request is not approved while a {@link Severity#REQUIRED} one is left; a warning is advice.
 *
 * @param check the checker's class and method, e.g. {@code MavenVerifier.checkLicenses}, so that a finding leads to
 *     the rule it mirrors
 */
public record Finding(Severity severity, String check, String message) {

    public enum Severity { REQUIRED, WARNING }

    static Finding required(String check, String message) {
        return new Finding(Severity.REQUIRED, check, message);
    }

    static Finding warning(String check, String message) {
        return new Finding(Severity.WARNING, check, message);
    }
}
