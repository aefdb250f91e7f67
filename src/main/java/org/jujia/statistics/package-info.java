/**
 * Read models and dashboards for decision makers, always limited to the caller's jurisdiction and never
 * showing identities.
 */
package org.jujia.statistics;
