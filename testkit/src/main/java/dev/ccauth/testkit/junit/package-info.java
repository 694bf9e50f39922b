/**
 * The JUnit 5 extension that gives each test class a sandbox, reset before each test.
 */
package dev.ccauth.testkit.junit;
