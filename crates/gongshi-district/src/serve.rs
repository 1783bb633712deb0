//! Serving the router: HTTPS with the certificate and key the bureau
//! configures (rustls), or plain HTTP on a loopback address only (tests,
//! or behind a local TLS proxy).

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Result, bail};
use axum_server::tls_rustls::RustlsConfig;
use deadpool_postgres::Pool;

/// The certificate chain and private key, both PEM.
pub struct Tls {
    pub cert: PathBuf,
    pub key: PathBuf,
}

pub async fn serve(pool: Pool, listen: SocketAddr, tls: Option<Tls>) -> Result<()> {
    if tls.is_none() && !listen.ip().is_loopback() {
        bail!(
            "不带证书只能在本机地址（127.0.0.1）上提供服务：请用 --cert 和 --key 指定教育局的证书和私钥"
        );
    }
    let listener = std::net::TcpListener::bind(listen).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::AddrInUse => "端口已被占用（另一个程序在用它）".to_owned(),
            std::io::ErrorKind::AddrNotAvailable => "本机没有这个地址".to_owned(),
            std::io::ErrorKind::PermissionDenied => {
                "没有权限使用这个端口（1024以下的端口需要管理员）".to_owned()
            }
            _ => e.to_string(),
        };
        anyhow::anyhow!("无法在 {listen} 上监听：{why}")
    })?;
    listener.set_nonblocking(true)?;
    let bound = listener.local_addr()?;
    let app = crate::web::router(pool).into_make_service();
    match tls {
        Some(tls) => {
            for (what, path) in [("证书", &tls.cert), ("私钥", &tls.key)] {
                if !path.is_file() {
                    bail!("{what}文件 {} 不存在，或不是文件", path.display());
                }
            }
            // Only ring is compiled in; installing it twice is harmless.
            let _ = rustls::crypto::ring::default_provider().install_default();
            let config = RustlsConfig::from_pem_file(&tls.cert, &tls.key)
                .await
                .map_err(|e| {
                    anyhow::anyhow!(
                        "证书 {} 与私钥 {} 用不了：应为 PEM 格式的证书链和与之配对的私钥（{e}）",
                        tls.cert.display(),
                        tls.key.display()
                    )
                })?;
            println!("gongshi-district 在 https://{bound} 提供服务");
            axum_server::from_tcp_rustls(listener, config)?
                .serve(app)
                .await?;
        }
        None => {
            println!("gongshi-district 在 http://{bound} 提供服务");
            axum_server::from_tcp(listener)?.serve(app).await?;
        }
    }
    Ok(())
}
