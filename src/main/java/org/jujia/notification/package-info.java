/**
 * Outbound notifications through ports with adapters and demo simulators: the 120 emergency gateway, SMS, the
 * family's app (live page and Web Push) and community workers. Every notification is persisted with its outcome
 * and retried until the channel acknowledges it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package org.jujia.notification;
