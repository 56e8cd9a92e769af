# Sourced by .ci/run (and by developers: `source .ci/use-node.sh`): puts Node 22 or newer first on PATH, the way a CI
# service's setup-node step does. A machine whose Node is older (Node 20 reached its end of life in April 2026) gets
# Node 24 from the npm registry, which serves Node itself as a package with the binary inside, cached per user.
# Native addons (better-sqlite3) are then compiled against the headers of the Node that will load them.

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  case "$(uname -m)" in
    x86_64) node_arch=x64 ;;
    aarch64 | arm64) node_arch=arm64 ;;
    *) echo "use-node: no Node package for $(uname -m); install Node 22 or 24 yourself" >&2; return 1 ;;
  esac
  node_home="${XDG_CACHE_HOME:-$HOME/.cache}/roadmap-coach/node-24-$node_arch"
  if [ ! -x "$node_home/node_modules/node-linux-$node_arch/bin/node" ]; then
    echo "use-node: this machine has Node $(node_major); installing Node 24 into $node_home" >&2
    npm install --prefix "$node_home" --no-save --no-package-lock --no-audit --no-fund "node-linux-$node_arch@24" >&2
  fi
  export PATH="$node_home/node_modules/node-linux-$node_arch/bin:$PATH"
  hash -r
fi

# <prefix>/bin/node ships its headers in <prefix>/include/node, both for distribution packages and this one.
node_prefix="$(dirname "$(dirname "$(command -v node)")")"
if [ -f "$node_prefix/include/node/node_version.h" ]; then export npm_config_nodedir="$node_prefix"; fi
echo "use-node: $(command -v node) $(node --version)" >&2
