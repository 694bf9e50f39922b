/**
 * The base of every ccauth failure, {@code ContactCenterException}: what a pipeline log
 * needs to tell a cause without a stack trace.
 */
package dev.ccauth;
