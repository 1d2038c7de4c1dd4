package io.jenkins.plugins.aem.simulator;

/** What a user may do: an operator runs and stops tasks, a viewer only reads. */
enum Role { OPERATOR, VIEWER }
