# The installed AWS CLI v2, run once per command line inside one long-lived interpreter: each request is the
# argument list of one `aws` command, run through the CLI's own entry point (awscli.clidriver.AWSCLIEntryPoint,
# what /usr/bin/aws calls) with a fresh driver and session, its standard output and error captured. Starting
# the CLI as a new process costs about half a second a command; this costs what the command itself costs.
# (The model loader is shared, see below.) Protocol: one JSON object a line on standard input, {"argv": [...], "cwd": "..."}; one JSON object a line on
# standard output, {"stdout": "...", "stderr": "...", "exitCode": N}.
import io
import json
import os
import sys

from awscli.clidriver import AWSCLIEntryPoint
import botocore.session  # the CLI's own copy, importable once awscli is

# Each command gets a new session, as a new process would; they share one model loader, which only reads
# the CLI's data files (and caches what it has read), so the API models are not parsed again each time.
_loaders = {}
_create_loader = botocore.session.create_loader


def _shared_loader(search_path_string=None):
    if search_path_string not in _loaders:
        _loaders[search_path_string] = _create_loader(search_path_string)
    return _loaders[search_path_string]


botocore.session.create_loader = _shared_loader

# argparse names the program in its messages after argv[0], which is `aws` when /usr/bin/aws runs.
sys.argv = ["aws"]
out = sys.stdout
for line in sys.stdin:
    request = json.loads(line)
    os.chdir(request.get("cwd") or ".")
    stdout, stderr = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = stdout, stderr
    try:
        code = AWSCLIEntryPoint().main(request["argv"])
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 255
    except BaseException as e:  # the CLI answers its own failures; anything else is this driver's
        stderr.write("driver: %r\n" % (e,))
        code = 255
    finally:
        sys.stdout, sys.stderr = out, sys.__stderr__
    out.write(json.dumps({"stdout": stdout.getvalue(), "stderr": stderr.getvalue(), "exitCode": code if code is not None else 0}) + "\n")
    out.flush()
