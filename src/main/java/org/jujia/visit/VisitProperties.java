package org.jujia.visit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of visit verification ({@code jujia.visit.*}); see docs/visits.md.
 *
 * @param geofenceMeters          radius around the elder's home; distance + reported accuracy must not exceed it (200)
 * @param faceThreshold           least face score (0–100) that counts as a match (80)
 * @param maxSpeedKmh             fastest plausible travel between consecutive visits (120 km/h; faster is impossible)
 * @param minDurationPercent      least duration as a percentage of the item's standard minutes (50)
 * @param repeatedCoordinatesDays how far back identical coordinates at another elder's visit count (30 days)
 * @param photoRetentionDays      check-in/out photos are deleted after this many days (180)
 * @param delayedSyncAfter        a reading received later than this after capture is marked delayed sync (2 min)
 * @param maxClockSkew            how far in the future a capture time may lie (device clock skew, 2 min)
 * @param maxCaptureAge           oldest capture time accepted (72 h)
 * @param smsCodeTtl              validity of a confirmation code sent by SMS (15 min)
 * @param face                    the face comparison service
 */
@ConfigurationProperties("jujia.visit")
record VisitProperties(Integer geofenceMeters, Integer faceThreshold, Integer maxSpeedKmh, Integer minDurationPercent,
        Integer repeatedCoordinatesDays, Integer photoRetentionDays, Duration delayedSyncAfter, Duration maxClockSkew,
        Duration maxCaptureAge, Duration smsCodeTtl, Face face) {

    VisitProperties {
        geofenceMeters = geofenceMeters == null ? 200 : geofenceMeters;
        faceThreshold = faceThreshold == null ? 80 : faceThreshold;
        maxSpeedKmh = maxSpeedKmh == null ? 120 : maxSpeedKmh;
        minDurationPercent = minDurationPercent == null ? 50 : minDurationPercent;
        repeatedCoordinatesDays = repeatedCoordinatesDays == null ? 30 : repeatedCoordinatesDays;
        photoRetentionDays = photoRetentionDays == null ? 180 : photoRetentionDays;
        delayedSyncAfter = delayedSyncAfter == null ? Duration.ofMinutes(2) : delayedSyncAfter;
        maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(2) : maxClockSkew;
        maxCaptureAge = maxCaptureAge == null ? Duration.ofHours(72) : maxCaptureAge;
        smsCodeTtl = smsCodeTtl == null ? Duration.ofMinutes(15) : smsCodeTtl;
        face = face == null ? new Face(null, null, null, null, null) : face;
    }

    static VisitProperties defaults() {
        return new VisitProperties(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The HTTP face comparison service.
     *
     * @param url          the comparison endpoint (POST); empty = none (the demo profile then uses its simulator)
     * @param apiKeyHeader the header carrying the key ({@code X-Api-Key})
     * @param apiKey       the credential
     * @param timeout      per request (3 s)
     * @param simulator    in the demo profile: use the simulator while no url is set (true)
     */
    record Face(String url, String apiKeyHeader, String apiKey, Duration timeout, Boolean simulator) {

        Face {
            apiKeyHeader = apiKeyHeader == null || apiKeyHeader.isBlank() ? "X-Api-Key" : apiKeyHeader;
            timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
            simulator = simulator == null || simulator;
        }

        boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}
