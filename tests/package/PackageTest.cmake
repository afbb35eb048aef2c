# The .deb as a user gets it (ctest -L package): cpack builds it from this build, dpkg -x unpacks it
# into a scratch root, and both programs run from there — meibo-cli's help and demo, meibo's
# version and its screenshot mode (offscreen) on the demo registry. Checks the declared
# dependencies, the desktop entry, the icon, the translations and the manual page.
#   cmake -DBUILD=<build dir> -DWORK=<scratch dir> -P PackageTest.cmake
cmake_minimum_required(VERSION 3.25)

macro(must)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "${cmd} exited ${rc}:\n${out}\n${err}")
  endif()
endmacro()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
must(cpack --config "${BUILD}/CPackConfig.cmake" -G DEB -B "${WORK}/out")
file(GLOB debs "${WORK}/out/meibo_*.deb")
list(LENGTH debs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "cpack wrote ${n} packages, not one: ${debs}\n${out}")
endif()
list(GET debs 0 deb)

# Declared dependencies: the shared libraries' packages (dpkg-shlibdeps) and the data Meibo loads.
must(dpkg-deb -f "${deb}" Depends)
set(depends "${out}")
foreach(p libqt6widgets6 libqt6gui6 libsodium23 libsqlite3-0 libqpdf29 fonts-ipaexfont unicode-data libqt6svg6)
  if(NOT depends MATCHES "${p}")
    message(FATAL_ERROR "the package does not depend on ${p}: ${depends}")
  endif()
endforeach()

set(root "${WORK}/root")
must(dpkg -x "${deb}" "${root}")
foreach(f usr/bin/meibo usr/bin/meibo-cli usr/share/applications/meibo.desktop
          usr/share/icons/hicolor/scalable/apps/meibo.svg usr/share/meibo/translations/meibo_ja.qm
          usr/share/man/man1/meibo-cli.1.gz)
  if(NOT EXISTS "${root}/${f}")
    message(FATAL_ERROR "the package holds no ${f}")
  endif()
endforeach()
file(READ "${root}/usr/share/applications/meibo.desktop" desktop)
if(NOT desktop MATCHES "Exec=meibo" OR NOT desktop MATCHES "Icon=meibo")
  message(FATAL_ERROR "the desktop entry does not start meibo with its icon:\n${desktop}")
endif()
find_program(VALIDATE desktop-file-validate)
if(VALIDATE)
  must("${VALIDATE}" "${root}/usr/share/applications/meibo.desktop")
endif()
must(sh -c "gzip -dc '${root}/usr/share/man/man1/meibo-cli.1.gz'")
if(NOT out MATCHES "\\.TH MEIBO-CLI" OR NOT out MATCHES "deadlines")
  message(FATAL_ERROR "the manual page is not meibo-cli's help:\n${out}")
endif()

# Both programs run from the unpacked tree.
must("${root}/usr/bin/meibo-cli" --help)
if(NOT out MATCHES "deadlines")
  message(FATAL_ERROR "meibo-cli --help from the package:\n${out}")
endif()
must("${root}/usr/bin/meibo-cli" demo "${WORK}/demo")
if(NOT EXISTS "${WORK}/demo/demo.meibo")
  message(FATAL_ERROR "meibo-cli demo from the package made no registry:\n${out}")
endif()
set(ENV{QT_QPA_PLATFORM} offscreen)
set(ENV{HOME} "${WORK}/home") # the GUI's settings go there, not into the user's
file(MAKE_DIRECTORY "${WORK}/home")
must("${root}/usr/bin/meibo" --version)
if(NOT out MATCHES "meibo [0-9]+\\.[0-9]+")
  message(FATAL_ERROR "meibo --version from the package:\n${out}")
endif()
must("${root}/usr/bin/meibo" --passphrase-file "${WORK}/demo/demo-passphrase.txt" --screenshot "${WORK}/shots"
     "${WORK}/demo/demo.meibo")
foreach(png dashboard.png structure.png timeline.png)
  if(NOT EXISTS "${WORK}/shots/${png}")
    message(FATAL_ERROR "meibo's screenshot mode from the package wrote no ${png}:\n${out}\n${err}")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK}")
message(STATUS "${deb}: built, unpacked, both programs run")
