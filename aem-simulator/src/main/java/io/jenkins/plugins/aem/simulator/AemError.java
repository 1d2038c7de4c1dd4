package io.jenkins.plugins.aem.simulator;

/**
 * An AEM error answer: {@code {"error_code":..,"error_message":..}} with an HTTP status.
 *
 * @param status  the HTTP status
 * @param code    the {@code error_code}
 * @param message the {@code error_message}
 */
record AemError(int status, String code, String message) {
}
