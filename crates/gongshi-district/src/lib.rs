//! gongshi-district: the education bureau's server. Schools push what they
//! published (gongshi-domain's `district` records); the server keeps each
//! school's chain in PostgreSQL and shows the district on a web page.

pub mod api;
pub mod db;
pub mod ingest;
pub mod reads;
pub mod schools;
pub mod serve;
pub mod testing;
pub mod web;
