package cn.liaocheng.strongtown.dashboard.selection;

import cn.liaocheng.strongtown.dashboard.TranslatedRefusal;

/**
 * A refused selection action, carried as a translation key and its arguments, so that the view shows
 * it in the user's language; arguments that are themselves keys ({@code selection.…}) are translated too.
 */
public class SelectionException extends TranslatedRefusal {

    public SelectionException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
