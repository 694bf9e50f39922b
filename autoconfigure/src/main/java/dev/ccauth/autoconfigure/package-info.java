/**
 * Spring Boot auto-configuration: the {@code ccauth.*} properties, the zero configuration
 * from pipeline variables, the beans per registration, and the startup failure reports.
 */
package dev.ccauth.autoconfigure;
