/**
 * Load generators shipped with the platform and run from the jar: {@code java -jar jujia.jar bench <name> …}
 * ({@link org.jujia.bench.BenchCommand}). Each starts the platform itself (embedded database and broker) unless
 * pointed at running ones, drives it like the real world would, and prints one result line.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "monitoring", "catalogue", "dispatch", "dispatch :: planning", "settlement" })
package org.jujia.bench;
