package io.jenkins.plugins.aem.simulator;

/** How GetTaskDetails is answered: current AEM sends the flat object, AEM before 6.4.0.515 wrapped it. */
public enum DetailsShape {
    /** The task object at the top level (current AEM). */
    FLAT,
    /** The task object inside {@code {"task":{...}}} (older AEM). */
    WRAPPED
}
