package com.imagestudio.flow.web.assets;

import com.imagestudio.flow.engine.assets.SharedBoard;
import com.imagestudio.flow.engine.assets.Shares;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A shared board, for anyone with its link: no API key (the authentication filter lets exactly
 * these two paths through). An unknown token is a 404, an expired one a 410.
 */
@RestController
@RequestMapping(SharedBoardController.PATH)
class SharedBoardController {

    static final String PATH = "/api/shared";

    private final Shares shares;

    SharedBoardController(Shares shares) {
        this.shares = shares;
    }

    @GetMapping("/{token}")
    Board board(@PathVariable String token) {
        SharedBoard board = shares.open(token);
        return new Board(board.title(), board.expiresAt().toString(), board.assets().stream()
                .map(a -> new BoardItem(a, PATH + "/" + token + "/assets/" + a.id())).toList());
    }

    @GetMapping("/{token}/assets/{assetId}")
    ResponseEntity<InputStreamResource> content(@PathVariable String token, @PathVariable String assetId) {
        return AssetResponses.content(shares.content(token, assetId));
    }

    record Board(String title, String expiresAt, List<BoardItem> assets) {
    }

    record BoardItem(SharedBoard.Item asset, String url) {
    }
}
