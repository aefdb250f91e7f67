package org.jujia.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The named 16-byte SM4 keys of the privacy module: data-encryption keys (one of them active, the others kept to
 * open values sealed before a rotation) and the separate blind-index key {@value #BLIND_INDEX_KEY_ID}.
 * <p>
 * Immutable. Key material is only handed out as copies and never appears in {@link #toString()}, logs or
 * exception messages.
 */
final class KeyRing {

    /** Keystore alias / key id of the HMAC-SM3 blind-index key. */
    static final String BLIND_INDEX_KEY_ID = "bidx";
    /** Environment variables {@code JUJIA_PRIVACY_KEYS_<ID>=<base64 of 16 bytes>} supply keys. */
    static final String ENV_PREFIX = "JUJIA_PRIVACY_KEYS_";
    /** Data key id used when a demo/test keystore is generated. */
    static final String GENERATED_DATA_KEY_ID = "k1";
    static final int KEY_LENGTH = Sm4Gcm.KEY_LENGTH;

    /** Key ids appear in every sealed value ({@code <keyId>:...}), so they are short and contain no colon. */
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    /**
     * Order in which "the last key" is the newest: digit runs compare numerically, so {@code k10} follows
     * {@code k9}; otherwise character by character.
     */
    static final Comparator<String> KEY_ID_ORDER = KeyRing::compareKeyIds;

    static final String HOW_TO_SUPPLY_KEYS = """
            Supply privacy keys in one of two ways: \
            (1) a PKCS#12 keystore: set jujia.privacy.keystore-path (JUJIA_KEYSTORE_PATH) and \
            jujia.privacy.keystore-password (JUJIA_KEYSTORE_PASSWORD); it holds 16-byte secret keys, one alias per \
            data-encryption key plus the blind-index key under alias 'bidx', e.g. \
            'keytool -genseckey -keyalg AES -keysize 128 -storetype PKCS12 -alias k1 -keystore FILE' and again with \
            '-alias bidx'; the active data key is jujia.privacy.active-key (JUJIA_ACTIVE_KEY) or else the alias that \
            sorts last; or \
            (2) environment variables JUJIA_PRIVACY_KEYS_<ID>=<base64 of 16 random bytes>, e.g. \
            JUJIA_PRIVACY_KEYS_K1 and JUJIA_PRIVACY_KEYS_BIDX (create values with 'openssl rand -base64 16'). \
            For demos and tests only, jujia.privacy.generate-if-missing=true creates a keystore at keystore-path.""";

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, byte[]> dataKeys;
    private final String activeKeyId;
    private final byte[] blindIndexKey;

    /**
     * @param dataKeys data-encryption keys by id (16 bytes each, at least one)
     * @param activeKeyId the data key that seals new values; {@code null}: the id that sorts last
     *        ({@link #KEY_ID_ORDER})
     * @param blindIndexKey the 16-byte blind-index key
     */
    KeyRing(Map<String, byte[]> dataKeys, String activeKeyId, byte[] blindIndexKey) {
        Objects.requireNonNull(dataKeys, "dataKeys");
        if (dataKeys.isEmpty()) {
            throw new IllegalArgumentException("At least one data-encryption key is required");
        }
        Map<String, byte[]> copy = new TreeMap<>(KEY_ID_ORDER);
        dataKeys.forEach((id, key) -> {
            checkKeyId(id, "data key id '" + id + "'");
            if (BLIND_INDEX_KEY_ID.equals(id)) {
                throw new IllegalArgumentException("'" + BLIND_INDEX_KEY_ID + "' is reserved for the blind-index key");
            }
            copy.put(id, checkKeyLength(key, "data key '" + id + "'").clone());
        });
        this.dataKeys = Collections.unmodifiableMap(copy);
        this.activeKeyId = activeKeyId == null ? lastKeyId(copy.keySet()) : activeKeyId;
        if (!copy.containsKey(this.activeKeyId)) {
            throw new IllegalArgumentException(
                    "Active key '" + this.activeKeyId + "' is not among the data keys " + copy.keySet());
        }
        this.blindIndexKey = checkKeyLength(blindIndexKey, "blind-index key").clone();
    }

    String activeKeyId() {
        return activeKeyId;
    }

    /** Ids of all data-encryption keys, in {@link #KEY_ID_ORDER}. */
    SortedSet<String> dataKeyIds() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(dataKeys.keySet()));
    }

    /**
     * A copy of the data key {@code id}.
     *
     * @throws IllegalStateException if there is no such key
     */
    byte[] dataKey(String id) {
        byte[] key = dataKeys.get(id);
        if (key == null) {
            throw new IllegalStateException("Unknown privacy key id '" + id + "' (known data keys: "
                    + dataKeys.keySet() + ")");
        }
        return key.clone();
    }

    /** A copy of the blind-index key. */
    byte[] blindIndexKey() {
        return blindIndexKey.clone();
    }

    @Override
    public String toString() {
        return "KeyRing[active=" + activeKeyId + ", dataKeys=" + dataKeys.keySet() + ", blindIndexKey=present]";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Loading

    /**
     * Loads keys from the keystore named by {@code properties} and from {@code JUJIA_PRIVACY_KEYS_<ID>} entries of
     * {@code environment}, generating a demo keystore first when allowed and needed.
     *
     * @throws IllegalStateException with instructions when the keys are missing, unreadable or inconsistent
     */
    static KeyRing load(PrivacyProperties properties, Environment environment) {
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(environment, "environment");
        Map<String, byte[]> fromEnvironment = readEnvironment(environment);
        Map<String, byte[]> fromKeystore = Map.of();
        String keystorePath = blankToNull(properties.keystorePath());
        Path keystore = null;
        if (keystorePath != null) {
            keystore = Path.of(keystorePath).toAbsolutePath().normalize();
            char[] password = keystorePassword(properties, keystore);
            if (Files.exists(keystore)) {
                fromKeystore = readKeystore(keystore, password);
            } else if (properties.generateIfMissing() && fromEnvironment.isEmpty()) {
                fromKeystore = generateKeystore(keystore, password);
            } else if (properties.generateIfMissing()) {
                log.info("Privacy keystore {} does not exist; not generating one because keys come from {}* "
                        + "environment variables", keystore, ENV_PREFIX);
            } else {
                throw new IllegalStateException("Privacy keystore " + keystore + " (jujia.privacy.keystore-path) "
                        + "does not exist. " + HOW_TO_SUPPLY_KEYS);
            }
        }

        Map<String, byte[]> all = new TreeMap<>(KEY_ID_ORDER);
        all.putAll(fromKeystore);
        fromEnvironment.forEach((id, key) -> {
            byte[] existing = all.putIfAbsent(id, key);
            if (existing != null && !Arrays.equals(existing, key)) {
                throw new IllegalStateException("Privacy key '" + id + "' is defined both in the keystore and by "
                        + "environment variable " + ENV_PREFIX + id.toUpperCase(Locale.ROOT)
                        + " with different values; remove one of them");
            }
        });
        byte[] blindIndexKey = all.remove(BLIND_INDEX_KEY_ID);
        if (all.isEmpty() && blindIndexKey == null) {
            throw new IllegalStateException("No privacy keys found. " + HOW_TO_SUPPLY_KEYS);
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("No privacy data-encryption key found (only the blind-index key '"
                    + BLIND_INDEX_KEY_ID + "'). " + HOW_TO_SUPPLY_KEYS);
        }
        if (blindIndexKey == null) {
            throw new IllegalStateException("No privacy blind-index key '" + BLIND_INDEX_KEY_ID + "' found (keystore "
                    + "alias 'bidx' or environment variable " + ENV_PREFIX + "BIDX). " + HOW_TO_SUPPLY_KEYS);
        }
        String activeKey = blankToNull(properties.activeKey());
        if (activeKey != null) {
            activeKey = activeKey.toLowerCase(Locale.ROOT);
            if (!all.containsKey(activeKey)) {
                throw new IllegalStateException("Active privacy key '" + activeKey + "' (jujia.privacy.active-key) "
                        + "is not among the loaded data keys " + all.keySet());
            }
        }
        KeyRing ring = new KeyRing(all, activeKey, blindIndexKey);
        List<String> sources = new ArrayList<>();
        if (!fromKeystore.isEmpty()) {
            sources.add("keystore " + keystore);
        }
        if (!fromEnvironment.isEmpty()) {
            sources.add("environment " + ENV_PREFIX + "*");
        }
        log.info("Privacy keys loaded from {}: active data key '{}', data keys {}, blind-index key present",
                String.join(" and ", sources), ring.activeKeyId(), ring.dataKeyIds());
        return ring;
    }

    private static char[] keystorePassword(PrivacyProperties properties, Path keystore) {
        String password = properties.keystorePassword();
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("Privacy keystore " + keystore + " is configured but "
                    + "jujia.privacy.keystore-password (JUJIA_KEYSTORE_PASSWORD) is not set");
        }
        return password.toCharArray();
    }

    /** Every {@code JUJIA_PRIVACY_KEYS_<ID>} property, highest-precedence property source first. */
    static Map<String, byte[]> readEnvironment(Environment environment) {
        Map<String, byte[]> keys = new TreeMap<>(KEY_ID_ORDER);
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            log.warn("Cannot enumerate {}* variables in a {}", ENV_PREFIX, environment.getClass().getName());
            return keys;
        }
        Map<String, String> sourceOfId = new TreeMap<>();
        for (PropertySource<?> source : configurable.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                if (name.length() <= ENV_PREFIX.length()
                        || !name.regionMatches(true, 0, ENV_PREFIX, 0, ENV_PREFIX.length())) {
                    continue;
                }
                String id = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
                checkKeyId(id, "key id of environment variable " + name);
                String earlier = sourceOfId.putIfAbsent(id, name);
                if (name.equals(earlier)) {
                    continue; // the same name in a lower-precedence source is overridden, as everywhere in Spring
                }
                Object raw = enumerable.getProperty(name);
                byte[] key = decodeBase64Key(raw == null ? "" : raw.toString().trim(), name);
                if (earlier == null) {
                    keys.put(id, key);
                } else if (!Arrays.equals(keys.get(id), key)) {
                    throw new IllegalStateException("Environment variables " + earlier + " and " + name
                            + " both define privacy key '" + id + "' with different values");
                }
            }
        }
        return keys;
    }

    private static byte[] decodeBase64Key(String value, String name) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Environment variable " + name + " is not valid base64; it must hold "
                    + "the base64 of 16 random bytes (e.g. 'openssl rand -base64 16')");
        }
        if (key.length != KEY_LENGTH) {
            throw new IllegalStateException("Environment variable " + name + " decodes to " + key.length
                    + " bytes; privacy keys must be " + KEY_LENGTH + " bytes (e.g. 'openssl rand -base64 16')");
        }
        return key;
    }

    /** Secret-key entries of a PKCS#12 keystore by lowercased alias; the entries share the store password. */
    static Map<String, byte[]> readKeystore(Path file, char[] password) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open privacy keystore " + file + " as PKCS#12: wrong "
                    + "jujia.privacy.keystore-password (JUJIA_KEYSTORE_PASSWORD) or not a PKCS#12 file (" + e + ")",
                    e);
        }
        Map<String, byte[]> keys = new TreeMap<>(KEY_ID_ORDER);
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
                    log.warn("Ignoring entry '{}' of privacy keystore {}: not a secret key", alias, file);
                    continue;
                }
                String id = alias.toLowerCase(Locale.ROOT);
                checkKeyId(id, "alias '" + alias + "' of privacy keystore " + file);
                Key key = store.getKey(alias, password);
                byte[] encoded = key == null ? null : key.getEncoded();
                if (encoded == null || encoded.length != KEY_LENGTH) {
                    throw new IllegalStateException("Entry '" + alias + "' of privacy keystore " + file + " is "
                            + (encoded == null ? "not extractable" : encoded.length + " bytes")
                            + "; privacy keys must be " + KEY_LENGTH + "-byte secret keys "
                            + "(keytool -genseckey -keyalg AES -keysize 128 -storetype PKCS12)");
                }
                keys.put(id, encoded);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the keys of privacy keystore " + file + " (" + e + ")", e);
        }
        return keys;
    }

    /**
     * Writes a new PKCS#12 keystore with a random data key {@value #GENERATED_DATA_KEY_ID} and a random blind-index
     * key {@value #BLIND_INDEX_KEY_ID}. If another process creates the file first, its keys are used instead.
     */
    static Map<String, byte[]> generateKeystore(Path file, char[] password) {
        try {
            Path parent = file.getParent();
            Files.createDirectories(parent);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            Map<String, byte[]> keys = new TreeMap<>(KEY_ID_ORDER);
            for (String id : new String[] {GENERATED_DATA_KEY_ID, BLIND_INDEX_KEY_ID}) {
                byte[] key = new byte[KEY_LENGTH];
                RANDOM.nextBytes(key);
                // PKCS#12 has no SM4 key type; the algorithm label does not matter for raw 16-byte keys.
                store.setEntry(id, new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "AES")),
                        new KeyStore.PasswordProtection(password));
                keys.put(id, key);
            }
            Path temp = Files.createTempFile(parent, ".jujia-keys-", ".tmp"); // owner-only on POSIX
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    store.store(out, password);
                }
                Files.move(temp, file);
            } catch (FileAlreadyExistsException raced) {
                log.info("Privacy keystore {} was created concurrently; using it", file);
                return readKeystore(file, password);
            } finally {
                Files.deleteIfExists(temp);
            }
            log.warn("GENERATED new privacy keys '{}' and '{}' in {}. Generated keys are for demo/test only: "
                    + "never use them in production, and keep this file, since data sealed under these keys cannot "
                    + "be read without it.", GENERATED_DATA_KEY_ID, BLIND_INDEX_KEY_ID, file);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create privacy keystore " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create privacy keystore " + file + " (" + e + ")", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    static boolean isValidKeyId(String id) {
        return id != null && KEY_ID.matcher(id).matches();
    }

    private static void checkKeyId(String id, String what) {
        if (!isValidKeyId(id)) {
            throw new IllegalArgumentException("Invalid " + what + ": key ids must match " + KEY_ID.pattern());
        }
    }

    private static byte[] checkKeyLength(byte[] key, String what) {
        Objects.requireNonNull(key, what);
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(what + " must be " + KEY_LENGTH + " bytes, got " + key.length);
        }
        return key;
    }

    static String lastKeyId(Collection<String> ids) {
        return ids.stream().max(KEY_ID_ORDER).orElseThrow();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int compareKeyIds(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isAsciiDigit(ca) && isAsciiDigit(cb)) {
                int startA = i;
                int startB = j;
                while (i < a.length() && isAsciiDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && isAsciiDigit(b.charAt(j))) {
                    j++;
                }
                String na = stripLeadingZeros(a.substring(startA, i));
                String nb = stripLeadingZeros(b.substring(startB, j));
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String stripLeadingZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
