package dev.studybot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import dev.studybot.chat.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Shares a reply's file (the leaderboard chart) in a channel the way Slack takes uploads now ({@code files:write}):
 * {@code files.getUploadURLExternal} names the file, its size and alt text and gives a URL; the bytes are posted there;
 * {@code files.completeUploadExternal} shares the file in the channel.
 */
final class SlackFiles {

    private final SlackClients clients;
    private final HttpClient uploads = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    SlackFiles(SlackClients clients) {
        this.clients = clients;
    }

    /** Uploads {@code file} and shares it in {@code channelId} of {@code teamId}; throws saying what Slack refused. */
    void share(String teamId, String channelId, Reply.Attachment file)
            throws IOException, SlackApiException, InterruptedException {
        MethodsClient client = clients.of(teamId);
        byte[] bytes = file.bytes();
        FilesGetUploadURLExternalResponse upload = client.filesGetUploadURLExternal(r -> r.filename(file.fileName())
                .length(bytes.length).altTxt(file.altText()));
        if (!upload.isOk()) {
            throw new IllegalStateException("Slack refused files.getUploadURLExternal: " + upload.getError()
                    + SlackReplies.hint(upload.getError()));
        }
        HttpResponse<Void> posted = uploads.send(HttpRequest.newBuilder(URI.create(upload.getUploadUrl()))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
        if (posted.statusCode() != 200) {
            throw new IllegalStateException("Slack's upload URL answered HTTP " + posted.statusCode());
        }
        FilesCompleteUploadExternalResponse shared = client.filesCompleteUploadExternal(r -> r.channelId(channelId)
                .files(List.of(FileDetails.builder().id(upload.getFileId()).title(file.fileName()).build())));
        if (!shared.isOk()) {
            throw new IllegalStateException("Slack refused files.completeUploadExternal: " + shared.getError()
                    + SlackReplies.hint(shared.getError()));
        }
    }
}
