//! A local S3-compatible server for `bench/deploy.sh` (not part of
//! gongkai): `s3s-fs` storing buckets as folders under ROOT, checking
//! SigV4 signatures for one key pair, on 127.0.0.1:PORT.
//!
//! Usage: cargo run --release --example s3-server -- ROOT PORT KEY SECRET
//! (create the bucket as a folder under ROOT first).

#![allow(missing_docs)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, port, key, secret] = args.as_slice() else {
        eprintln!("usage: s3-server ROOT PORT KEY SECRET");
        return ExitCode::from(2);
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("s3-server: {e}");
            return ExitCode::FAILURE;
        }
    };
    let served = runtime.block_on(async {
        let fs = s3s_fs::FileSystem::new(root).map_err(|e| format!("{e:?}"))?;
        let mut builder = s3s::service::S3ServiceBuilder::new(fs);
        builder.set_auth(s3s::auth::SimpleAuth::from_single(key.as_str(), secret.as_str()));
        let service = builder.build();
        let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}"))
            .await
            .map_err(|e| e.to_string())?;
        println!(
            "listening on http://{}",
            listener.local_addr().map_err(|e| e.to_string())?
        );
        loop {
            let (socket, _) = listener.accept().await.map_err(|e| e.to_string())?;
            let service = service.clone();
            tokio::spawn(async move {
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(socket), service)
                    .await;
            });
        }
        #[allow(unreachable_code)]
        Ok::<(), String>(())
    });
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("s3-server: {e}");
            ExitCode::FAILURE
        }
    }
}
