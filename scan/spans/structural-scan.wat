;; The record spans of a CloudTrail log file by a structural scan (WebAssembly with SIMD128), the
;; same answer as scan/record-spans.ts (its tests compare the two on every real file and on crafted
;; ones). Assembled by `npm run build` (build/wasm.ts) into dist/cli/structural-scan.wasm.
;;
;; 64 bytes at a time: four 16-byte compares per class of byte give 64-bit masks of quotes,
;; backslashes, openers ({ [) and closers (} ]). Escaped bytes come from the parity of backslash runs
;; (the method of simdjson: Langdale & Lemire, "Parsing gigabytes of JSON per second", VLDB J. 2019,
;; section 3.1.1), the bytes inside strings from a prefix XOR of the unescaped quotes, and only the
;; openers and closers outside strings count, so that the depth of every structural byte is known.
;; They are walked one by one only in a block that may reach the records' level (a record's start
;; or end, or the array's); elsewhere their counts move the depth. Quotes and escapes carry over
;; from block to block.
;;
;; JSON has backslashes only inside strings. Where one stands outside (invalid JSON), the JS scan
;; ignores it and this one would take it as an escape: the scan stops with FALLBACK and the caller
;; runs the JS scan, so that the answers stay the same on any input.
(module
  (memory (export "memory") 1)

  ;; What the last scan found: spans written at `out` (index, start, end: three i32 each), and the
  ;; index of the record it stopped in (for a truncated file).
  (global $spanCount (mut i32) (i32.const 0))
  (global $stopIndex (mut i32) (i32.const 0))
  (func (export "spanCount") (result i32) (global.get $spanCount))
  (func (export "stopIndex") (result i32) (global.get $stopIndex))

;; Writes at `out` the offsets (relative to `text`) of every `Root"` in the `len` bytes at `text`
  ;; (followed by at least 68 bytes of spaces), ascending, at most `max` of them; returns how many
  ;; there are, or -1 when there are more than `max`. scan/root-marker.ts says why this marker.
  ;; Candidates are the offsets where `R` stands 4 bytes before a quote (two compares of 16 bytes,
  ;; a 64-byte block without any skipped at once); only those are checked whole.
  (func (export "markers") (param $text i32) (param $len i32) (param $out i32) (param $max i32) (result i32)
    (local $p i32) (local $limit i32) (local $candidates i64) (local $at i32) (local $count i32)
    (local $r v128) (local $quote v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local.set $r (i8x16.splat (i32.const 0x52)))
    (local.set $quote (i8x16.splat (i32.const 0x22)))
    (local.set $p (local.get $text))
    (local.set $limit (i32.add (local.get $text) (local.get $len)))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $p) (local.get $limit)))
        (local.set $c0 (v128.and (i8x16.eq (v128.load (local.get $p)) (local.get $r)) (i8x16.eq (v128.load offset=4 (local.get $p)) (local.get $quote))))
        (local.set $c1 (v128.and (i8x16.eq (v128.load offset=16 (local.get $p)) (local.get $r)) (i8x16.eq (v128.load offset=20 (local.get $p)) (local.get $quote))))
        (local.set $c2 (v128.and (i8x16.eq (v128.load offset=32 (local.get $p)) (local.get $r)) (i8x16.eq (v128.load offset=36 (local.get $p)) (local.get $quote))))
        (local.set $c3 (v128.and (i8x16.eq (v128.load offset=48 (local.get $p)) (local.get $r)) (i8x16.eq (v128.load offset=52 (local.get $p)) (local.get $quote))))
        (if (v128.any_true (v128.or (v128.or (local.get $c0) (local.get $c1)) (v128.or (local.get $c2) (local.get $c3))))
          (then
            (local.set $candidates
              (i64.or
                (i64.or (i64.extend_i32_u (i8x16.bitmask (local.get $c0)))
                        (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $c1))) (i64.const 16)))
                (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $c2))) (i64.const 32))
                        (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $c3))) (i64.const 48)))))
            (block $checked
              (loop $each
                (br_if $checked (i64.eqz (local.get $candidates)))
                (local.set $at (i32.add (local.get $p) (i32.wrap_i64 (i64.ctz (local.get $candidates)))))
                ;; "Root" read as a little-endian i32; the quote after it is known, and a match
                ;; starts before `limit` since the padding holds no `R`.
                (if (i32.eq (i32.load (local.get $at)) (i32.const 0x746f6f52))
                  (then
                    (if (i32.ge_u (local.get $count) (local.get $max)) (then (return (i32.const -1))))
                    (i32.store (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
                               (i32.sub (local.get $at) (local.get $text)))
                    (local.set $count (i32.add (local.get $count) (i32.const 1)))))
                (local.set $candidates
                  (i64.and (local.get $candidates) (i64.sub (local.get $candidates) (i64.const 1))))
                (br $each)))))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $blocks)))
    (local.get $count))

  ;; Status codes, as scan/spans/structural-scanner.ts reads them.
  ;; 0 SPANS: stopped after the record that holds (or follows) the last hit
  ;; 1 NOT_A_LOG_FILE: the Records array closed with a hit still ahead
  ;; 2 TRUNCATED: the text ended first (inside a string, a record, or between records)
  ;; 3 FALLBACK: a backslash outside any string; run the JS scan

  ;; Scans the text at `text` (`len` bytes, followed by at least 64 bytes of spaces) from offset
  ;; `from` (just after `{"Records":[`), with the `hitCount` ascending offsets at `hits`; writes the
  ;; spans of the records that hold a hit at `out`. Offsets are relative to `text`.
  (func (export "scan")
    (param $text i32) (param $len i32) (param $from i32)
    (param $hits i32) (param $hitCount i32) (param $out i32)
    (result i32)
    (local $p i32) (local $limit i32)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $quote i64) (local $backslash i64) (local $open i64) (local $close i64)
    (local $escaped i64) (local $prevEscaped i64) (local $followsEscape i64)
    (local $oddStarts i64) (local $evenSequences i64)
    (local $inString i64) (local $prevInString i64) (local $structural i64)
    (local $bit i32) (local $at i32) (local $end i32)
    (local $depth i32) (local $recordStart i32) (local $index i32)
    (local $nextHit i32) (local $lastHit i32) (local $count i32)
    (local $quotes v128) (local $backslashes v128) (local $openers v128) (local $closers v128) (local $bit5 v128)
    (local.set $quotes (i8x16.splat (i32.const 0x22)))
    (local.set $backslashes (i8x16.splat (i32.const 0x5c)))
    (local.set $openers (i8x16.splat (i32.const 0x7b)))
    (local.set $closers (i8x16.splat (i32.const 0x7d)))
    (local.set $bit5 (i8x16.splat (i32.const 0x20)))
    (local.set $p (i32.add (local.get $text) (local.get $from)))
    (local.set $limit (i32.add (local.get $text) (local.get $len)))
    (local.set $lastHit
      (i32.load (i32.add (local.get $hits) (i32.shl (i32.sub (local.get $hitCount) (i32.const 1)) (i32.const 2)))))
    (block $truncated
      (loop $blocks
        (br_if $truncated (i32.ge_u (local.get $p) (local.get $limit)))
        (local.set $a (v128.load (local.get $p)))
        (local.set $b (v128.load offset=16 (local.get $p)))
        (local.set $c (v128.load offset=32 (local.get $p)))
        (local.set $d (v128.load offset=48 (local.get $p)))
        (local.set $quote (i64.or
          (i64.or (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $a) (local.get $quotes))))
                  (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $b) (local.get $quotes)))) (i64.const 16)))
          (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $c) (local.get $quotes)))) (i64.const 32))
                  (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $d) (local.get $quotes)))) (i64.const 48)))))
        (local.set $backslash (i64.or
          (i64.or (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $a) (local.get $backslashes))))
                  (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $b) (local.get $backslashes)))) (i64.const 16)))
          (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $c) (local.get $backslashes)))) (i64.const 32))
                  (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $d) (local.get $backslashes)))) (i64.const 48)))))
        ;; `{` 0x7b and `[` 0x5b differ only in bit 0x20, as `}` 0x7d and `]` 0x5d do: no other
        ;; byte becomes 0x7b or 0x7d with that bit set.
        (local.set $a (v128.or (local.get $a) (local.get $bit5)))
        (local.set $b (v128.or (local.get $b) (local.get $bit5)))
        (local.set $c (v128.or (local.get $c) (local.get $bit5)))
        (local.set $d (v128.or (local.get $d) (local.get $bit5)))
        (local.set $open (i64.or
          (i64.or (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $a) (local.get $openers))))
                  (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $b) (local.get $openers)))) (i64.const 16)))
          (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $c) (local.get $openers)))) (i64.const 32))
                  (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $d) (local.get $openers)))) (i64.const 48)))))
        (local.set $close (i64.or
          (i64.or (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $a) (local.get $closers))))
                  (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $b) (local.get $closers)))) (i64.const 16)))
          (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $c) (local.get $closers)))) (i64.const 32))
                  (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $d) (local.get $closers)))) (i64.const 48)))))

        ;; Escaped bytes: those after an odd run of backslashes (a run may start in an earlier block).
        (local.set $escaped (i64.const 0))
        (if (i64.ne (i64.or (local.get $backslash) (local.get $prevEscaped)) (i64.const 0))
          (then
            (local.set $followsEscape
              (i64.or (i64.shl (i64.and (local.get $backslash) (i64.xor (local.get $prevEscaped) (i64.const -1)))
                               (i64.const 1))
                      (local.get $prevEscaped)))
            ;; runs that start on an odd bit
            (local.set $oddStarts
              (i64.and (i64.and (local.get $backslash) (i64.xor (local.get $prevEscaped) (i64.const -1)))
                       (i64.and (i64.const 0xaaaaaaaaaaaaaaaa)
                                (i64.xor (local.get $followsEscape) (i64.const -1)))))
            ;; adding a run's start bit to it carries to the bit after its end
            (local.set $evenSequences
              (i64.add (local.get $oddStarts)
                       (i64.and (local.get $backslash) (i64.xor (local.get $prevEscaped) (i64.const -1)))))
            (local.set $escaped
              (i64.and (i64.xor (i64.const 0x5555555555555555) (i64.shl (local.get $evenSequences) (i64.const 1)))
                       (local.get $followsEscape)))
            (local.set $prevEscaped (i64.extend_i32_u (i64.lt_u (local.get $evenSequences) (local.get $oddStarts))))))

        ;; Inside strings: from an opening quote up to (not including) its closing quote.
        ;; a prefix XOR: bit i set when an odd number of bits 0..i of the unescaped quotes are set
        (local.set $inString (i64.and (local.get $quote) (i64.xor (local.get $escaped) (i64.const -1))))
        (local.set $inString (i64.xor (local.get $inString) (i64.shl (local.get $inString) (i64.const 1))))
        (local.set $inString (i64.xor (local.get $inString) (i64.shl (local.get $inString) (i64.const 2))))
        (local.set $inString (i64.xor (local.get $inString) (i64.shl (local.get $inString) (i64.const 4))))
        (local.set $inString (i64.xor (local.get $inString) (i64.shl (local.get $inString) (i64.const 8))))
        (local.set $inString (i64.xor (local.get $inString) (i64.shl (local.get $inString) (i64.const 16))))
        (local.set $inString
          (i64.xor (i64.xor (local.get $inString) (i64.shl (local.get $inString) (i64.const 32)))
                   (local.get $prevInString)))
        (local.set $prevInString (i64.shr_s (local.get $inString) (i64.const 63)))
        (if (i64.ne (i64.and (local.get $backslash) (i64.xor (local.get $inString) (i64.const -1))) (i64.const 0))
          (then (return (i32.const 3))))

        (local.set $open (i64.and (local.get $open) (i64.xor (local.get $inString) (i64.const -1))))
        (local.set $close (i64.and (local.get $close) (i64.xor (local.get $inString) (i64.const -1))))
        ;; Deeper than this block has closers: no bracket in it can start or end a record, or close
        ;; the array, so its brackets change the depth without being walked one by one.
        (if (i32.gt_u (local.get $depth) (i32.wrap_i64 (i64.popcnt (local.get $close))))
          (then
            (local.set $depth
              (i32.sub (i32.add (local.get $depth) (i32.wrap_i64 (i64.popcnt (local.get $open))))
                       (i32.wrap_i64 (i64.popcnt (local.get $close)))))
            (local.set $p (i32.add (local.get $p) (i32.const 64)))
            (br $blocks)))
        (local.set $structural (i64.or (local.get $open) (local.get $close)))
        (block $walked
          (loop $bits
            (br_if $walked (i64.eqz (local.get $structural)))
            (local.set $bit (i32.wrap_i64 (i64.ctz (local.get $structural))))
            (local.set $at (i32.add (local.get $p) (local.get $bit)))
            (if (i64.ne (i64.and (i64.shr_u (local.get $open) (i64.extend_i32_u (local.get $bit))) (i64.const 1)) (i64.const 0))
              (then
                (if (i32.eqz (local.get $depth)) (then (local.set $recordStart (local.get $at))))
                (local.set $depth (i32.add (local.get $depth) (i32.const 1))))
              (else
                (if (i32.eqz (local.get $depth))
                  (then
                    (global.set $spanCount (local.get $count))
                    (global.set $stopIndex (local.get $index))
                    (return (i32.const 1))))
                (local.set $depth (i32.sub (local.get $depth) (i32.const 1)))
                (if (i32.eqz (local.get $depth))
                  (then
                    (local.set $end (i32.sub (i32.add (local.get $at) (i32.const 1)) (local.get $text)))
                    (if (i32.and (i32.lt_u (local.get $nextHit) (local.get $hitCount))
                                 (i32.lt_u (i32.load (i32.add (local.get $hits) (i32.shl (local.get $nextHit) (i32.const 2))))
                                           (local.get $end)))
                      (then
                        (i32.store (local.get $out) (local.get $index))
                        (i32.store offset=4 (local.get $out) (i32.sub (local.get $recordStart) (local.get $text)))
                        (i32.store offset=8 (local.get $out) (local.get $end))
                        (local.set $out (i32.add (local.get $out) (i32.const 12)))
                        (local.set $count (i32.add (local.get $count) (i32.const 1)))
                        (block $passed
                          (loop $skip
                            (br_if $passed (i32.ge_u (local.get $nextHit) (local.get $hitCount)))
                            (br_if $passed
                              (i32.ge_u (i32.load (i32.add (local.get $hits) (i32.shl (local.get $nextHit) (i32.const 2))))
                                        (local.get $end)))
                            (local.set $nextHit (i32.add (local.get $nextHit) (i32.const 1)))
                            (br $skip)))))
                    (local.set $index (i32.add (local.get $index) (i32.const 1)))
                    (if (i32.gt_u (local.get $end) (local.get $lastHit))
                      (then
                        (global.set $spanCount (local.get $count))
                        (global.set $stopIndex (local.get $index))
                        (return (i32.const 0))))))))
            (local.set $structural
              (i64.and (local.get $structural) (i64.sub (local.get $structural) (i64.const 1))))
            (br $bits)))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $blocks)))
    (global.set $spanCount (local.get $count))
    (global.set $stopIndex (local.get $index))
    (i32.const 2))
)
