SELECT cp_manifest_url FROM manifests;
