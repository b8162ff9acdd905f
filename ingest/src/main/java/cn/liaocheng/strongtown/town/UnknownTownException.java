package cn.liaocheng.strongtown.town;

/** A town code or name that the registry does not know; the message says which, in Chinese. */
public class UnknownTownException extends RuntimeException {

    public UnknownTownException(String message) {
        super(message);
    }
}
