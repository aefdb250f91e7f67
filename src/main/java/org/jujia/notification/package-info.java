/**
 * Outbound notifications through ports with adapters and demo simulators: the 120 emergency gateway, SMS, the
 * family's app (inbox, live on open pages over SSE) and community workers. Every notification is persisted in an
 * outbox (recipient and content SM4-sealed) with its outcome, dispatched right after the enqueuing transaction
 * commits and retried with backoff until the channel acknowledges it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "privacy" })
package org.jujia.notification;
