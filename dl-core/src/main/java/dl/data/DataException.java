package dl.data;

/** A data set that is missing or malformed; the message says where, what, and how to get it. */
public class DataException extends RuntimeException {

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
