import Testing
@testable import GazetteCore

/// Encoded files and PGP armor in bodies, in the shapes Usenet and mailing-list archives hold them.
@Suite struct EncodedBlocksTests {
    static let uuencodedLogo = ##"""
        begin 644 logo.jpg
        M``$"`P0%!@<("0H+#`T.#Q`1$A,4%187&!D:&QP='A\@(2(C)"4F)R@I*BLL
        M+2XO,#$R,S0U-C<X.3H[/#T^/T!!0D-$149'2$E*2TQ-3D]045)35%565UA9
        M6EM<75Y?8&%B8V1E9F=H:6IK;&UN;W!Q<G-T=79W>'EZ>WQ]?G^`@8*#A(6&
        MAXB)BHN,C8Z/D)&2DY25EI>8F9J;G)V>GZ"AHJ.DI::GJ*FJJZRMKJ^PL;*S
        MM+6VM[BYNKN\O;Z_P,'"P\3%QL?(R<K+S,W.S]#1TM/4U=;7V-G:V]S=WM_@
        MX>+CY.7FY^CIZNOL[>[O\/'R\_3U]O?X^?K[_/W^_P`!`@,$!08'"`D*"PP-
        M#@\0$1(3%!46%Q@9&AL<'1X?("$B(R0E)B<H*2HK+"TN+S`Q,C,T-38W.#DZ
        M.SP]/C]`04)#1$5&1TA)2DM,34Y/4%%24U155E=865I;7%U>7V!A8F-D969G
        M:&EJ:VQM;F]P<7)S='5V=WAY>GM\?7Y_@(&"@X2%AH>(B8J+C(V.CY"1DI.4
        ME9:7F)F:FYR=GI^@H:*CI*6FIZBIJJNLK:ZOL+&RL[2UMK>XN;J[O+V^O\#!
        MPL/$Q<;'R,G*R\S-SL_0T=+3U-76U]C9VMO<W=[?X.'BX^3EYN?HZ>KK[.WN
        M[_#Q\O/T]?;W^/GZ^_S]_O\``0(#!`4&!P@)"@L,#0X/$!$2$Q05%A<8&1H;
        M'!T>'R`A(B,D)28G*"DJ*RPM+B\P,3(S-#4V-S@Y.CL\/3X_0$%"0T1%1D=(
        M24I+3$U.3U!14E-455976%E:6UQ=7E]@86)C9&5F9VAI:FML;6YO<'%R<W1U
        M=G=X>7I[?'U^?X"!@H.$A8:'B(F*BXR-CH^0D9*3E)66EYB9FIN<G9Z?H*&B
        MHZ2EIJ>HJ:JKK*VNK["QLK.TM;:WN+FZN[R]OK_`P<+#Q,7&Q\C)RLO,S<[/
        MT-'2T]35UM?8V=K;W-W>W^#AXN/DY>;GZ.GJZ^SM[N_P\?+S]/7V]_CY^OO\
        #_?[_
        `
        end
        """##

    @Test func aUuencodedFileIsOneAttachmentLine() {
        BodyParserTests.expectShape("Here is the logo.\n\n" + Self.uuencodedLogo + "\n\nEnjoy.\n-- \nAlice", [
            "paragraph: Here is the logo.",
            "paragraph: [Attachment: logo.jpg, uuencoded, 768 bytes]",
            "paragraph: Enjoy.",
            "signature: --  ⏎ Alice",
        ])
        // Straight after the text, no blank line between: still its own line.
        BodyParserTests.expectShape("Here it is:\n" + Self.uuencodedLogo, [
            "paragraph: Here it is:",
            "paragraph: [Attachment: logo.jpg, uuencoded, 768 bytes]",
        ])
    }

    @Test func theMiddlePartOfAFilePostedInPartsIsData() {
        let full = Self.uuencodedLogo.split(separator: "\n").filter { $0.hasPrefix("M") }.joined(separator: "\n")
        BodyParserTests.expectShape("Part 2 of 3.\n\n" + full + "\n\nPart 3 follows.", [
            "paragraph: Part 2 of 3.",
            "paragraph: [uuencoded data, 765 bytes]",
            "paragraph: Part 3 follows.",
        ])
    }

    @Test func proseThatOnlyLooksLikeABeginningStaysProse() {
        BodyParserTests.expectShape("begin 644 tests tomorrow, said the lab.\nbegin again", [
            "paragraph: begin 644 tests tomorrow, said the lab. begin again",
        ])
        // Seven full-width capitals are not a file.
        let shout = Array(repeating: String(repeating: "M", count: 61), count: 7).joined(separator: "\n")
        #expect(BodyParser.blocks(shout).count == 1)
        #expect(BodyParser.blocks(shout).first?.text.contains("[") == false)
    }

    @Test func aYEncFileIsOneAttachmentLine() {
        BodyParserTests.expectShape("""
            Posting a test file.

            =ybegin part=1 total=3 line=128 size=1500 name=holiday photo.jpg
            =ypart begin=1 end=500
            *+,-./0123456789:;<=}>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ
            =yend size=500 part=1 pcrc32=00000000
            Thanks for looking.
            """, [
            "paragraph: Posting a test file.",
            "paragraph: [Attachment: holiday photo.jpg (part 1 of 3), yEnc, 500 bytes]",
            "paragraph: Thanks for looking.",
        ])
    }

    @Test func aClearsignedPostShowsItsTextAndSignatureUnescaped() {
        BodyParserTests.expectShape("""
            -----BEGIN PGP SIGNED MESSAGE-----
            Hash: SHA256

            Advisory 2024-03: upgrade frobd now.

            - - first step
            - - second step

            - -- 
            Dave, security team
            -----BEGIN PGP SIGNATURE-----

            iQEzBAEBCAAdFiEEq1w2mP0xYzR3u8Vf
            =AbCd
            -----END PGP SIGNATURE-----
            """, [
            "paragraph: Advisory 2024-03: upgrade frobd now.",
            "list-item[-]: first step",
            "list-item[-]: second step",
            "signature: --  ⏎ Dave, security team",
            "paragraph: [PGP signature]",
        ])
    }

    @Test func aPostedPublicKeyIsOneLineAndAnUnclosedArmorStaysText() {
        BodyParserTests.expectShape("""
            My key:
            -----BEGIN PGP PUBLIC KEY BLOCK-----

            mQINBGRyZ3YBEAC7
            =x8Qz
            -----END PGP PUBLIC KEY BLOCK-----
            """, [
            "paragraph: My key:",
            "paragraph: [PGP public key block]",
        ])
        // Cut off before its end (a truncated post): nothing is hidden.
        #expect(BodyParser.blocks("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGRyZ3YBEAC7").map(\.text).joined().contains("mQINBGRyZ3YBEAC7"))
    }

    @Test func aQuotedSignatureIsSummarisedAtItsDepth() {
        BodyParserTests.expectShape("""
            > Patched.
            > -----BEGIN PGP SIGNATURE-----
            > iQEzBAEBCAAd
            > -----END PGP SIGNATURE-----

            Thanks.
            """, [
            "paragraph@1: Patched.",
            "paragraph@1: [PGP signature]",
            "paragraph: Thanks.",
        ])
    }

    @Test func aShellArchiveIsKeptAsWritten() {
        BodyParserTests.expectShape("""
            Submitted-by: carol@example.org

            #! /bin/sh
            # This is a shell archive.  Remove anything before this line.
            echo x - hello.c
            sed 's/^X//' >hello.c << 'END-of-hello.c'
            X#include <stdio.h>
            X

            Xint main(void) { return 0; }
            END-of-hello.c
            exit 0

            Enjoy.
            """, [
            "paragraph: Submitted-by: carol@example.org",
            "preformatted: #! /bin/sh ⏎ # This is a shell archive.  Remove anything before this line. ⏎ echo x - hello.c ⏎ "
                + "sed 's/^X//' >hello.c << 'END-of-hello.c' ⏎ X#include <stdio.h> ⏎ X ⏎  ⏎ Xint main(void) { return 0; } ⏎ END-of-hello.c ⏎ exit 0",
            "paragraph: Enjoy.",
        ])
    }

    @Test func aYEncPostIsLoadedNotSkippedAsBinary() {
        var bytes = Array("""
            From: bob@example.net (Bob)
            Newsgroups: alt.binaries.test
            Subject: test.bin yEnc (1/1)
            Date: Mon, 03 Feb 2003 11:00:00 +0000
            Message-ID: <yenc1@example.net>

            Posting a test file.

            =ybegin line=128 size=512 name=test.bin

            """.utf8)
        // yEnc data: every byte plus 42, with only NUL, LF, CR and = escaped: controls and 8-bit bytes raw.
        for row in 0..<4 {
            for value in 0..<128 {
                let encoded = UInt8((row * 128 + value + 42) % 256)
                if [0x00, 0x0A, 0x0D, 0x3D].contains(encoded) { bytes += [0x3D, encoded &+ 64] } else { bytes.append(encoded) }
            }
            bytes.append(0x0A)
        }
        bytes += Array("=yend size=512 crc32=00000000\n".utf8)
        let parsed = ArticleFileParser.parse(bytes: bytes, path: "alt.binaries.test/1")
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.articles.map(\.title) == ["test.bin yEnc (1/1)"])
        #expect(parsed.articles.first.map { BodyParser.blocks($0.body).map(\.text) } == ["Posting a test file.", "[Attachment: test.bin, yEnc, 512 bytes]"])
        // A binary file that is not a post is still skipped.
        let image: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<400).map { UInt8($0 % 32) }
        #expect(ArticleFileParser.parse(bytes: image, path: "x.png").warnings.map(\.reason) == ["binary file; skipped"])
    }
}
