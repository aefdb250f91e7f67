/**
 * Protection of personal data with the Chinese national algorithms (SM3, SM4) via Bouncy Castle.
 * <p>
 * {@link org.jujia.privacy.FieldCipher} seals sensitive column values with SM4-GCM under named keys and computes
 * HMAC-SM3 blind indexes for equality search; {@link org.jujia.privacy.KeyRotation} re-encrypts the
 * {@link org.jujia.privacy.SealedColumn}s other modules declare once a new key becomes active;
 * {@link org.jujia.privacy.AuditChain} links audit records into a tamper-evident SM3 hash chain;
 * {@link org.jujia.privacy.Sm3} offers the plain hash and HMAC.
 * <p>
 * Keys come from a PKCS#12 keystore or from {@code JUJIA_PRIVACY_KEYS_<ID>} environment variables, never from
 * source code (see {@code jujia.privacy.*} settings).
 */
package org.jujia.privacy;
