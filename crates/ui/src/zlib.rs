//! zlib compression by the browser's own `CompressionStream` and `DecompressionStream`, for share
//! links (see `flowguide_engine::workflow::link`). The browser's code costs the bundle nothing,
//! where a Rust zlib was about 17 KB of it (gzip).
//!
//! Reading stops once more than `limit` bytes have come out, so a crafted link cannot fill the
//! memory. A stream that was cut short, or whose checksum does not match, fails.

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `CompressionStream` (every current browser has it; web-sys lists it as unstable).
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compressor;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Compressor, JsValue>;

    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompressor;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Decompressor, JsValue>;
}

/// Why the browser could not do it.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    /// The browser has no compression streams (browsers before 2023).
    Unsupported,
    /// The bytes are not a whole zlib stream: cut short, or changed.
    Damaged,
    /// More than the limit came out.
    TooBig,
}

/// The zlib stream of `bytes`.
pub async fn compress(bytes: &[u8]) -> Result<Vec<u8>, Failure> {
    let transform: JsValue = Compressor::new("deflate").map_err(|_| Failure::Unsupported)?.into();
    run(bytes, transform, usize::MAX).await
}

/// What the zlib stream `bytes` holds, if it is whole and at most `limit` bytes long.
pub async fn decompress(bytes: &[u8], limit: usize) -> Result<Vec<u8>, Failure> {
    let transform: JsValue = Decompressor::new("deflate").map_err(|_| Failure::Unsupported)?.into();
    run(bytes, transform, limit).await
}

async fn run(bytes: &[u8], transform: JsValue, limit: usize) -> Result<Vec<u8>, Failure> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| Failure::Unsupported)?;
    let out = blob.stream().pipe_through(transform.unchecked_ref());
    let reader: web_sys::ReadableStreamDefaultReader = out.get_reader().unchecked_into();
    let mut result = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| Failure::Damaged)?;
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()) == Some(true) {
            return Ok(result);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(|_| Failure::Damaged)?
            .unchecked_into();
        if result.len() + value.length() as usize > limit {
            let _ = reader.cancel();
            return Err(Failure::TooBig);
        }
        let start = result.len();
        result.resize(start + value.length() as usize, 0);
        value.copy_to(&mut result[start..]);
    }
}
