package org.meander.weights.hub;

import org.meander.weights.WeightsException;

/**
 * The hub could not be reached at all (no network, no DNS, refused, timed out): the window then offers a local
 * folder instead of a download.
 */
public final class HubUnreachableException extends WeightsException {

    public HubUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
