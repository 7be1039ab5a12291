package org.meander.weights;

import java.io.IOException;

/**
 * A weights file or checkpoint folder that cannot be used as it is. The message always names the file (and the
 * tensor, where one is involved) and says what the user can do about it, because it ends up in front of the user.
 */
public class WeightsException extends IOException {

    public WeightsException(String message) {
        super(message);
    }

    public WeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
