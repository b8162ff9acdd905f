package cn.liaocheng.strongtown.dashboard.collection;

import cn.liaocheng.strongtown.dashboard.TranslatedRefusal;

/**
 * An upload refused because the first-start demo data are still being generated: try again later. Its own type,
 * so that a view tells "not ready" from a write that failed (which is logged and shown as an error).
 */
public class LakeNotReadyException extends TranslatedRefusal {

    public LakeNotReadyException() {
        super("collection.notReady");
    }
}
