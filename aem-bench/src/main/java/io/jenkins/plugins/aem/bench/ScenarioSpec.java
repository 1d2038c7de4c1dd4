package io.jenkins.plugins.aem.bench;

import java.time.Duration;

/**
 * One scenario of issue 4, as data: how many tasks, how long they take to start and stop (uniform at random in the
 * range), how long AEM itself waits on a run or stop before answering, and how many operations are in flight at once.
 *
 * @param name          table name: {@code instant}, {@code slow-start}, {@code crowd}
 * @param tasks         tasks on the simulated server; each is run once (and then stopped once with {@code thenStop})
 * @param transitionMin shortest time a task takes to reach RUNNING (or STOPPED) after the command
 * @param transitionMax longest such time
 * @param serverWaitCap the most AEM waits inside RunTask/StopTask before answering, whatever timeout was asked
 * @param thenStop      after all runs, stop every task (the crowd's second half)
 * @param concurrency   operations in flight at once
 * @param timeout       each operation's deadline
 * @param fillerTasks   further tasks on the server, never run, in ERROR with long messages: a server with many tasks
 * @param messageChars  the length of each filler task's message
 */
record ScenarioSpec(String name, int tasks, Duration transitionMin, Duration transitionMax, Duration serverWaitCap,
                    boolean thenStop, int concurrency, Duration timeout, int fillerTasks, int messageChars) {

    /** A scenario on a server that holds only the tasks it runs. */
    ScenarioSpec(String name, int tasks, Duration transitionMin, Duration transitionMax, Duration serverWaitCap,
                 boolean thenStop, int concurrency, Duration timeout) {
        this(name, tasks, transitionMin, transitionMax, serverWaitCap, thenStop, concurrency, timeout, 0, 0);
    }

    /** The scenarios on a large server are named {@code large-<waits>}. */
    boolean large() {
        return fillerTasks > 0;
    }

    /** {@code true} when every operation of a phase is in flight at the same time: the heap is probed then. */
    boolean allAtOnce() {
        return concurrency >= tasks;
    }
}
