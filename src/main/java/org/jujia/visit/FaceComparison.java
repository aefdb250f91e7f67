package org.jujia.visit;

/**
 * The face comparison port: how alike two face photos are. Adapters: {@link FaceServiceHttp} (an HTTP face service,
 * contract in docs/visits.md) and, only in the demo profile, {@link FaceSimulator}.
 */
public interface FaceComparison {

    /**
     * Compares a probe photo with the enrolled one.
     *
     * @return the similarity score, 0 (different people) to 100 (identical)
     * @throws FaceUnavailableException when the comparison could not be made (service down, bad answer, no photo)
     */
    int compare(byte[] enrolledJpeg, byte[] probeJpeg);

    /** The comparison could not be made; the visit is flagged FACE_UNAVAILABLE for review. */
    class FaceUnavailableException extends RuntimeException {

        public FaceUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
