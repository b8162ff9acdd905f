package cn.liaocheng.strongtown.synth;

/** Bad panel or spec: the message is Chinese and names the place (file, row, column, key) and the reason. */
public final class SynthInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SynthInputException(String message) {
        super(message);
    }
}
