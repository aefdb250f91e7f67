/**
 * Tiny value types shared by every module: money in fen, geo points, problem helpers.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.jujia.shared;
