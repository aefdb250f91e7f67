/**
 * The master record of every elder: identity (sensitive fields SM4-encrypted with blind indexes), address and
 * coordinates, living situation, economic and special categories, contacts and family accounts, status, and
 * the spreadsheet import and export of registers. Publishes {@link org.jujia.elder.ElderLeft} when an elder dies or
 * moves away.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "privacy" })
package org.jujia.elder;
