package org.jujia.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the privacy keys come from.
 *
 * @param keystorePath PKCS#12 keystore holding 16-byte secret keys (alias {@code bidx}: blind-index key, every
 *        other alias: a data-encryption key); blank when keys come only from the environment
 * @param keystorePassword password of the keystore and of its entries
 * @param activeKey id of the data key that seals new values; blank: the data key id that sorts last
 * @param generateIfMissing create a keystore with fresh keys when {@code keystorePath} does not exist (demo and
 *        tests only)
 */
@ConfigurationProperties("jujia.privacy")
record PrivacyProperties(String keystorePath, String keystorePassword, String activeKey, boolean generateIfMissing) {
}
