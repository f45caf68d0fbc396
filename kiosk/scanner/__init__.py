"""Reading QR codes: camera frame sources, the phone-screen decoder, serial and keyboard-wedge scanners."""
