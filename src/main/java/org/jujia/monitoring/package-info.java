/**
 * Home devices and alarms (PLATFORM.md §8): the device registry, MQTT 5 ingest (embedded HiveMQ CE broker by
 * default, any external broker by configuration), alarm rules, the alarm lifecycle with its timeline and
 * escalation, and the 24-hour alarm centre.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "privacy", "elder",
        "assessment", "notification" })
package org.jujia.monitoring;
