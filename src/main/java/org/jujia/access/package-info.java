/**
 * Users, roles and permissions, console login and API bearer tokens, login throttling, and the
 * {@link org.jujia.shared.Jurisdiction} of every request.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region" })
package org.jujia.access;
