package dev.studybot.slack;

import com.slack.api.bolt.response.Response;
import java.util.List;

/**
 * The pages a member's browser gets when an install could not finish: 400 and a line saying what to do, never
 * Slack's code, the state or an error's details.
 */
final class SlackInstallPages {

    static final String EXPIRED = "This install link has expired or was already used.";
    static final String NOT_EXCHANGED = "Slack did not confirm this install.";

    private SlackInstallPages() {
    }

    /** Fills {@code response} with the 400 page saying {@code what} went wrong and where to start again. */
    static Response refused(Response response, String what, String installUrl) {
        response.setStatusCode(400);
        response.setContentType("text/html; charset=utf-8");
        response.getHeaders().put("Cache-Control", List.of("no-store"));
        response.setBody("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>studybot: not installed</title>"
                + "</head><body><h1>studybot was not installed</h1><p>" + what + " Please <a href=\"" + installUrl
                + "\">start the install again</a>.</p></body></html>");
        return response;
    }
}
