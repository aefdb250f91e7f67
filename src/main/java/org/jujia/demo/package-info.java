/**
 * The demo city (a district of Suzhou with 3 streets, 12 communities, 2,000 elders, 3 providers, 60 staff) and
 * the demo accounts. Active only in the {@code demo} profile.
 */
package org.jujia.demo;
