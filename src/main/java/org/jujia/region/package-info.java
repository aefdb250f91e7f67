/**
 * The region tree (city → district → street → community → residential complex) and the organisations
 * attached to its nodes. A node's materialised path is the basis of every jurisdiction check.
 */
package org.jujia.region;
