# Sourced by the scripts here: a virtualenv with pyspark and pyarrow under the cache dir
# (NEWSPARSE_SPARK_VENV, default ~/.cache/newsparse-spark-venv), made on first use and reused;
# when `python3 -m venv` is missing and this runs as root (CI), python3-venv is installed with
# apt. Sets PYSPARK_PYTHON, PYSPARK_DRIVER_PYTHON, venv and spark_submit.
venv=${NEWSPARSE_SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/newsparse-spark-venv}
if ! "$venv/bin/python" -c "import pyspark, pyarrow" >/dev/null 2>&1; then
  echo "spark test: installing pyspark and pyarrow into $venv"
  if ! python3 -m venv "$venv" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      (apt-get update -qq && apt-get install -y -qq python3-venv) >/dev/null
      rm -rf "$venv"
      python3 -m venv "$venv"
    else
      echo "spark test: python3 -m venv does not work here; install python3-venv" >&2
      exit 1
    fi
  fi
  "$venv/bin/pip" install -q --disable-pip-version-check "pyspark>=3.5,<5" "pyarrow>=14"
fi
export PYSPARK_PYTHON="$venv/bin/python"
export PYSPARK_DRIVER_PYTHON="$venv/bin/python"
spark_submit="$venv/bin/spark-submit"
